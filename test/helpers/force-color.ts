// Imported before ink so chalk sees it: colours are then on in-process even though the test
// runner's stdout is not a TTY, and tests can check that colour follows the `color` option.
process.env.FORCE_COLOR ??= '1';
