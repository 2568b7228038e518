// The CLI's exit statuses, as the design fixes them.
export const EXIT_OK = 0;
/** Some inputs were rejected (each named on stderr); the rest were processed. */
export const EXIT_SOME_INPUTS_REJECTED = 1;
export const EXIT_USAGE = 2;
