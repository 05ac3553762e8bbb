import { css } from 'lit';

export const calendarStyles = css`
  .calendar {
    display: grid;
    /* One column that never grows past the widget, whatever the longest label. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
    background: var(--_bg);
    color: var(--_text);
    min-width: 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .nav,
  .views,
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .views .button[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .icon {
    padding: 0 var(--_space);
    min-width: 2.75rem;
    font-size: 1.25em;
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
    flex: 1 1 12rem;
  }
  .filters label {
    display: grid;
    /* A select is as wide as its longest option; a 10 000-character category must not widen the page. */
    grid-template-columns: minmax(0, 1fr);
    min-width: 0;
    font-size: 0.875rem;
    color: var(--_text-muted);
  }
  select,
  input {
    max-width: 100%;
  }
  .status {
    margin: 0;
    min-height: 1.5em;
    color: var(--_text-muted);
    font-size: 0.875rem;
  }
  /* A category's colour comes from the API, chosen for a light page: the dark theme lifts it
     toward its text colour so the marker keeps 3:1 on a dark background. */
  .marker {
    display: inline-block;
    width: 1.1em;
    flex: none;
    text-align: center;
    color: color-mix(in oklab, var(--_term, var(--_text-muted)), var(--_text) var(--_data-color-lift));
  }
  .event {
    display: flex;
    align-items: baseline;
    gap: 0.25em;
    min-width: 0;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border-subtle);
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
    text-align: start;
  }
  .event .title {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    min-width: 0;
  }
  .block .title {
    flex-basis: 100%;
    white-space: normal;
    text-overflow: clip;
    overflow-wrap: anywhere;
  }
  .event .time {
    color: var(--_text-muted);
    flex: none;
  }

  /* Month grid */
  .month {
    display: grid;
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .row {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
  }
  .colhead {
    padding: calc(var(--_space) / 2);
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--_text-muted);
    text-align: center;
  }
  .cell {
    position: relative;
    height: calc(1.75rem + 3 * 1.5rem + 1.5rem);
    border-top: 1px solid var(--_border-subtle);
    border-inline-start: 1px solid var(--_border-subtle);
    cursor: pointer;
    min-width: 0;
  }
  .cell:first-child {
    border-inline-start: 0;
  }
  .cell:focus-visible {
    outline-offset: -3px;
    z-index: 2;
  }
  .cell.outside {
    background: var(--_surface);
  }
  .cell.outside .num {
    color: var(--_text-muted);
  }
  .num {
    display: inline-grid;
    place-items: center;
    min-width: 1.5rem;
    height: 1.5rem;
    margin: 0.125rem;
    font-size: 0.875rem;
    border-radius: 999px;
  }
  .today .num,
  .colhead.today {
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 700;
  }
  .cell .event {
    position: absolute;
    inset-inline-start: 3px;
    z-index: 1;
    height: 1.375rem;
    padding: 0 0.25rem;
    font-size: 0.75rem;
    line-height: 1.3rem;
    overflow: hidden;
  }
  .cell .bar {
    border-inline-start: 3px solid var(--_primary);
  }
  .cell .bar.cont-before {
    border-start-start-radius: 0;
    border-end-start-radius: 0;
  }
  .more {
    position: absolute;
    bottom: 0.125rem;
    inset-inline-start: 3px;
    font: inherit;
    font-size: 0.75rem;
    color: var(--_primary);
    background: none;
    border: 0;
    padding: 0 0.25rem;
    cursor: pointer;
    text-decoration: underline;
  }

  /* Week time-grid. A day column keeps room for a time and a word (36rem for the week); on a
     narrower widget the week scrolls sideways, and focus scrolls the day it reaches into view. */
  .week {
    display: grid;
    overflow-x: auto;
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
  }
  .week-head,
  .allday,
  .timegrid {
    display: grid;
    min-width: 36rem;
    grid-template-columns: 3.25rem repeat(7, minmax(0, 1fr));
  }
  .allday {
    grid-auto-rows: minmax(1.75rem, auto);
    gap: 2px 0;
    padding: 2px 0;
    border-block: 1px solid var(--_border-subtle);
  }
  /* The all-day row's cells hold their bars for the grid's semantics; the bars are laid out by the row. */
  .allday-cell {
    display: contents;
  }
  .week .colhead:focus-visible {
    outline-offset: -3px;
  }
  .allday .hour {
    grid-row: 1;
    grid-column: 1;
  }
  .allday .event {
    margin: 0 2px;
    padding: 0 0.25rem;
    font-size: 0.75rem;
    border-inline-start: 3px solid var(--_primary);
  }
  .hour {
    font-size: 0.75rem;
    color: var(--_text-muted);
    padding-inline: 0.25rem;
  }
  .timegrid {
    max-height: 32rem;
    overflow-y: auto;
    position: relative;
  }
  .hours {
    display: grid;
    grid-template-rows: repeat(24, 3rem);
  }
  .daycol {
    position: relative;
    height: 72rem;
    border-inline-start: 1px solid var(--_border-subtle);
    background: repeating-linear-gradient(to bottom, transparent 0 calc(3rem - 1px), var(--_border-subtle) calc(3rem - 1px) 3rem);
  }
  .block {
    position: absolute;
    flex-wrap: wrap;
    align-content: flex-start;
    overflow: hidden;
    font-size: 0.75rem;
    padding: 0.125rem 0.25rem;
    border-inline-start: 3px solid var(--_primary);
  }

  /* List */
  .list,
  .list ul,
  .day-list,
  .legend,
  .add {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .list {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    /* A list that keeps the height its loading state reserved leaves the rest empty at its
       end, rather than stretching the days apart. */
    align-content: start;
    gap: calc(var(--_space) * 2);
  }
  .list-day {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1rem;
    border-bottom: 1px solid var(--_border-subtle);
  }
  .list ul,
  .day-list {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) / 2);
  }
  .row-event {
    display: grid;
    grid-template-columns: minmax(6rem, auto) minmax(0, 1fr);
    gap: 0 var(--_space);
    width: 100%;
    padding: var(--_space);
  }
  .row-event .title {
    white-space: normal;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .row-event .meta {
    grid-column: 2;
    color: var(--_text-muted);
    font-size: 0.875rem;
    overflow-wrap: anywhere;
  }
  .skeleton .ghost {
    height: 4.5rem;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  @media (max-width: 30rem) {
    .row-event {
      grid-template-columns: minmax(0, 1fr);
    }
    .row-event .meta {
      grid-column: 1;
    }
  }

  /* Legend, footer */
  .footer {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    align-items: center;
    font-size: 0.875rem;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .legend li {
    min-width: 0;
  }
  .zone {
    color: var(--_text-muted);
  }
  a {
    color: var(--_primary);
  }

  /* Dialog */
  dialog {
    width: min(36rem, calc(100vw - 1rem));
    max-height: calc(100vh - 2rem);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog h2 {
    margin-bottom: var(--_space);
    overflow-wrap: anywhere;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    margin: 0;
  }
  dt {
    color: var(--_text-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .detail p {
    overflow-wrap: anywhere;
  }
  .detail h3 {
    font-size: 1rem;
    margin: var(--_space) 0 calc(var(--_space) / 2);
  }
  .add {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 2);
  }
  .ended {
    margin: 0 0 var(--_space);
    padding: calc(var(--_space) / 2) var(--_space);
    border-inline-start: 4px solid var(--_text-muted);
    background: var(--_surface);
    font-weight: 600;
  }
  .earlier {
    margin: 0;
  }
  .list-day:focus {
    outline: none;
  }
  .list-day:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
  }
`;
