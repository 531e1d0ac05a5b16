package org.dateline.testing;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Another node of the cluster a test runs against ({@link TestNodes}), with the first node's login allowance, as an
 * object to close when done.
 */
public final class SecondNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static SecondNode start(Environment firstNode, String name) {
        return start(firstNode, name, TestNodes.dataDir(name));
    }

    /** With the data folder given: started again on the same folder, it is the same node restarted. */
    public static SecondNode start(Environment firstNode, String name, String dataDir) {
        return new SecondNode(TestNodes.startIn(firstNode, name, dataDir, "--dateline.login.per-address-per-minute="
                + firstNode.getProperty("dateline.login.per-address-per-minute", "1000")));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
