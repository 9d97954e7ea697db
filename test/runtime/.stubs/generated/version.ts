// Test stand-in for the generated version file.
export const VERSION = "0.0.0-test";
