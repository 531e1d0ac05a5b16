/**
 * Value types every module may use: slugs, cursors, the problem codes of the HTTP API. Depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.dateline.shared;
