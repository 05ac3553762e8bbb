import { css } from 'lit';

export const ideaFormStyles = css`
  :host {
    max-width: 48rem;
  }
  .base {
    background: var(--_bg);
  }
  h2,
  h3,
  legend {
    margin: 0 0 var(--_space);
    padding: 0;
    font-size: 1.125rem;
    line-height: 1.3;
    font-weight: 700;
  }
  h2 {
    font-size: 1.375rem;
  }
  p {
    margin: 0 0 var(--_space);
  }
  .hint,
  .muted,
  .optional {
    color: var(--_text-muted);
    font-weight: 400;
  }
  .hint,
  .counter,
  .error {
    margin-bottom: calc(var(--_space) / 2);
    font-size: 0.9375em;
  }
  .error,
  .over,
  .form-error,
  .summary a {
    color: var(--_danger);
    font-weight: 600;
  }
  .notice,
  .summary,
  .success,
  li {
    margin: 0 0 calc(var(--_space) * 2);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border-subtle);
    border-inline-start: 4px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .warn {
    border-inline-start-color: var(--_warning);
  }
  .summary {
    border: 3px solid var(--_danger);
  }
  .summary li {
    margin: 0;
    padding: 0;
    border: 0;
  }
  .success {
    border-inline-start-color: var(--_success);
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    margin: calc(var(--_space) / 2) 0 0;
    padding: calc(var(--_space) * 0.75);
    border-inline-start-width: 1px;
  }
  a,
  summary,
  .file-name,
  dd {
    color: inherit;
    overflow-wrap: anywhere;
  }
  a {
    color: var(--_primary);
  }
  summary {
    cursor: pointer;
    font-weight: 600;
  }
  fieldset {
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .field {
    margin-bottom: calc(var(--_space) * 2.5);
  }
  .invalid {
    padding-inline-start: calc(var(--_space) * 1.5);
    border-inline-start: 4px solid var(--_danger);
  }
  label,
  .label {
    display: block;
    margin-bottom: calc(var(--_space) / 4);
    font-size: 1em;
    font-weight: 600;
  }
  .similar {
    margin-top: var(--_space);
  }
  /* Program titles, similar innovations and idea titles come from the API: long words break. */
  .notice,
  .similar,
  .check-result {
    overflow-wrap: anywhere;
  }
  input:not([type='checkbox'], [type='radio'], [type='file']),
  textarea,
  select {
    display: block;
    width: 100%;
    padding: calc(var(--_space) * 0.75);
  }
  textarea {
    min-height: 7rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  .file-pick {
    position: relative;
    display: inline-block;
  }
  .file-pick input:focus-visible + .button {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .file-pick input:disabled + .button {
    opacity: 0.6;
  }
  .block {
    display: block;
  }
  .choices label,
  .check {
    display: flex;
    gap: var(--_space);
    align-items: flex-start;
    padding: calc(var(--_space) / 2) 0;
    font-weight: 400;
  }
  .choices input,
  .check input {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
  }
  .files li,
  .row,
  .actions,
  .code-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  .file-name,
  progress,
  .row input {
    flex: 1 1 8rem;
    min-width: 0;
  }
  .files .error {
    flex-basis: 100%;
    margin: 0;
  }
  .hp {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .actions {
    margin-top: calc(var(--_space) * 2);
  }
  .button[aria-disabled='true'] {
    opacity: 0.75;
    cursor: progress;
  }
  .send-status,
  .check-result {
    min-height: 1.5em;
    margin-top: var(--_space);
  }
  .code {
    font: 700 1.25rem monospace;
    letter-spacing: 0.05em;
    user-select: all;
  }
  dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
    margin: 0 0 var(--_space);
  }
  dt {
    color: var(--_text-muted);
  }
  dd {
    margin: 0;
  }
  .check-code {
    margin-top: calc(var(--_space) * 3);
    padding-top: calc(var(--_space) * 2);
    border-top: 1px solid var(--_border-subtle);
  }
`;
