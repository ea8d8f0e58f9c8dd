/* global afterEach */
// Runs before each test file (setupFilesAfterEnv). Only the jsdom suites (the task pane) need it.
if (typeof window !== "undefined") {
  // The pane's views are loaded on demand (React.lazy): under a busy clean-clone run the first
  // render of a view took more than Testing Library's 1 s default, so every findBy/waitFor waits up to 8 s.
  require("@testing-library/react").configure({ asyncUtilTimeout: 8000 });

  // A console.error from React or Fluent UI is a bug in the pane (a class concatenated by hand, a state
  // update outside act…): the test that caused it fails instead of printing a stack nobody reads.
  const original = console.error;
  let errors = [];
  console.error = (...args) => {
    errors.push(args.map(String).join(" "));
    original(...args);
  };
  afterEach(() => {
    const seen = errors;
    errors = [];
    if (seen.length > 0)
      throw new Error(`console.error pendant le test :\n${seen.map((e) => e.slice(0, 400)).join("\n")}`);
  });
}
