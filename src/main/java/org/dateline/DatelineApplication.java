package org.dateline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Dateline: wire ingest, newsroom workflow, multilingual public site and reader community in one application. */
@SpringBootApplication
@EnableScheduling
public class DatelineApplication {

    public static void main(String[] args) {
        SpringApplication.run(DatelineApplication.class, args);
    }
}
