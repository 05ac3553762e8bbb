/* global window, document */
// Loaded first, as a classic script from 'self': records every Content-Security-Policy
// violation (capturing, document-wide; the event is composed, so shadow roots report here too),
// every uncaught error and every unhandled rejection, for the test to read.
(() => {
  const record = { violations: [], errors: [] };
  window.__hostile = record;
  document.addEventListener(
    'securitypolicyviolation',
    (e) => {
      record.violations.push({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        sample: e.sample,
        source: `${e.sourceFile}:${e.lineNumber}`,
      });
    },
    true,
  );
  window.addEventListener('error', (e) => record.errors.push(String(e.message)), true);
  window.addEventListener('unhandledrejection', (e) => record.errors.push(`unhandled rejection: ${String(e.reason)}`));
})();
