/**
 * Running the Python scripts from notebook cells: streamed output, interruption, the GPU check,
 * and the parameters of the training and benchmark notebooks.
 * @module
 */
export * from "./job_params.ts";
export * from "./require_cuda.ts";
export * from "./run_python.ts";
