/**
 * Running notebooks: headless execution through nbclient, JupyterLab, running a notebook through a
 * Jupyter server, showing things in the kernel.
 * @module
 */
export * from "./execute_notebook.ts";
export * from "./notebook_worker.ts";
export * from "./jupyter_display.ts";
export * from "./run_on_server.ts";
export * from "./start_lab.ts";
export * from "./frame_html.ts";
export * from "./setup_notebook.ts";
