import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Every test starts from an empty browser: storage, listeners and tabs are reset.
beforeEach(() => {
  fakeBrowser.reset();
});
