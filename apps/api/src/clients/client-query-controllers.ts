/** The controllers and query handlers of the client read side (one folder per use case). */
export const clientQueryControllers = [];
export const clientQueryProviders = [];
