// What browser tests import instead of @open-wc/testing: the same, with a
// failed assertion on a DOM node made reportable (readable-dom-failures.ts).
// It must load inside a test file, after mocha's globals exist: imported
// earlier, @open-wc/testing would not register its fixture clean-up.
import './readable-dom-failures.js';

export * from '@open-wc/testing';
