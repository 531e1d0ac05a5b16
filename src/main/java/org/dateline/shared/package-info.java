/**
 * Value types every module may use: slugs, cursors, the problem codes of the HTTP API; and inserting a JDBC batch for
 * its generated keys. Depends on no module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.dateline.shared;
