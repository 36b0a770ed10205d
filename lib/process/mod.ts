/**
 * Processes: children that do not outlive their parent.
 * @module
 */
export * from "./die_with_parent.ts";
