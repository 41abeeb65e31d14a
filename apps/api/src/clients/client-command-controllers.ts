/** The controllers of the client commands (one folder per use case). */
export const clientCommandControllers = [];
