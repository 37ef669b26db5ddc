/** What every Lakesmith module shares: the exception root {@link io.lakesmith.core.LakesmithException}. */
package io.lakesmith.core;
