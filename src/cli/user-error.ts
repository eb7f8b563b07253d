/**
 * An error caused by the user's input, options or environment (a file that cannot be
 * read, a folder that cannot be written): reported as one line naming the file, field
 * or path, without a stack, with exit code 2.
 */
export class UserError extends Error {}
