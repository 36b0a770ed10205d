/**
 * The project's Python environment: the one function that picks an interpreter for every task, its
 * pinned layers, and the Deno Jupyter kernelspec.
 * @module
 */
export * from "./deno_kernel.ts";
export * from "./project_python.ts";
export * from "./python_needs.ts";
