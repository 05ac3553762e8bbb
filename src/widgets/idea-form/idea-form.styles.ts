import { css } from 'lit';

export const ideaFormStyles = css`
  :host {
    max-width: 48rem;
  }
  .base {
    background: var(--_bg);
    color: var(--_text);
  }
  h2 {
    margin: 0 0 var(--_space);
    font-size: 1.375rem;
    line-height: 1.3;
  }
  h3 {
    margin: 0 0 var(--_space);
    font-size: 1.125rem;
  }
  p {
    margin: 0 0 var(--_space);
  }
  .muted,
  .hint {
    color: var(--_text-muted);
  }
  .hint,
  .counter,
  .error {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 0.9375em;
  }
  .notice {
    margin: 0 0 calc(var(--_space) * 2);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border-subtle);
    border-inline-start: 4px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .notice.warn {
    border-inline-start-color: var(--_warning);
  }
  .notice p:last-child {
    margin-bottom: 0;
  }
  .notice .button {
    margin-top: calc(var(--_space) / 2);
  }
  .summary {
    margin: 0 0 calc(var(--_space) * 2);
    padding: calc(var(--_space) * 1.5);
    border: 3px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .summary a,
  a {
    color: var(--_primary);
    overflow-wrap: anywhere;
  }
  .summary a {
    color: var(--_danger);
    font-weight: 600;
  }
  fieldset {
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: var(--_space);
    font-weight: 700;
    font-size: 1.125rem;
  }
  .field {
    margin-bottom: calc(var(--_space) * 2.5);
  }
  .field.invalid {
    padding-inline-start: calc(var(--_space) * 1.5);
    border-inline-start: 4px solid var(--_danger);
  }
  label,
  .label {
    display: block;
    margin-bottom: calc(var(--_space) / 4);
    font-weight: 600;
  }
  .optional {
    font-weight: 400;
    color: var(--_text-muted);
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
  }
  .counter.over {
    color: var(--_danger);
    font-weight: 600;
  }
  input:not([type='checkbox'], [type='radio'], [type='file']),
  textarea,
  select {
    display: block;
    width: 100%;
    min-height: 2.75rem;
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
  }
  textarea {
    min-height: 7rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .file-pick {
    position: relative;
    display: inline-block;
    margin: calc(var(--_space) / 2) 0 0;
    font-weight: 400;
  }
  .file-pick input:focus-visible + .button {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .file-pick input:disabled + .button {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .block {
    display: block;
  }
  .choices label,
  .check {
    display: flex;
    gap: var(--_space);
    align-items: flex-start;
    font-weight: 400;
    padding: calc(var(--_space) / 2) 0;
  }
  .choices input,
  .check input {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
  }
  .check label {
    margin: 0;
    font-weight: 400;
  }
  .similar ul,
  .files {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .similar {
    margin-top: var(--_space);
  }
  .similar li,
  .files li {
    margin-top: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  summary {
    cursor: pointer;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .similar details p {
    margin: calc(var(--_space) / 2) 0 0;
  }
  .files li {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    align-items: center;
  }
  .file-name {
    flex: 1 1 10rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  progress {
    flex: 1 1 6rem;
  }
  .files .error {
    flex-basis: 100%;
    margin: 0;
  }
  .link-button {
    min-height: 2.75rem;
    padding: 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_primary);
    font: inherit;
    cursor: pointer;
  }
  .hp {
    position: absolute;
    left: -10000px;
    top: auto;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    margin-top: calc(var(--_space) * 2);
  }
  .button[aria-disabled='true'] {
    opacity: 0.75;
    cursor: progress;
  }
  .send-status {
    min-height: 1.5em;
    margin-top: var(--_space);
  }
  .form-error {
    color: var(--_danger);
    font-weight: 600;
  }
  .skeleton {
    color: var(--_text-muted);
  }
  .success {
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border-subtle);
    border-inline-start: 4px solid var(--_success);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 1.25rem;
    font-weight: 700;
    letter-spacing: 0.05em;
    overflow-wrap: anywhere;
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
    overflow-wrap: anywhere;
  }
  .code-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  .check-code {
    margin-top: calc(var(--_space) * 3);
    padding-top: calc(var(--_space) * 2);
    border-top: 1px solid var(--_border-subtle);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .row input {
    flex: 1 1 12rem;
    width: auto;
  }
  .check-result {
    min-height: 1.5em;
    margin-top: var(--_space);
  }
`;
