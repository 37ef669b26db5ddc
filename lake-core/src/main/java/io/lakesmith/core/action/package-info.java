/**
 * The action contract: every operation is an {@link io.lakesmith.core.action.Action} whose
 * {@link io.lakesmith.core.action.Action#execute()} returns an {@link io.lakesmith.core.action.ActionResult}.
 */
package io.lakesmith.core.action;
