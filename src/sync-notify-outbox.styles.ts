import { css } from './page/css.js';

export const styles = css`
  :host {
    display: block;
  }

  :host([hidden]) {
    display: none;
  }

  [part='list'] {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  [part~='item'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
    padding-block: 0.5rem;
    border-bottom: 1px solid var(--sync-notify-outbox-divider, light-dark(#d1d5db, #4b5563));
  }

  [part='title'] {
    font-weight: 600;
  }

  [part='state'],
  [part='time'],
  [part='empty'] {
    font-size: var(--sync-notify-status-font-size, 0.875em);
  }

  [part~='failed'] [part='state'] {
    color: var(--sync-notify-error-color, light-dark(#b91c1c, #fca5a5));
  }

  [part='actions'] {
    display: flex;
    gap: 0.5rem;
    margin-inline-start: auto;
  }

  button {
    font: var(--sync-notify-button-font, inherit);
    font-size: 0.875em;
    padding: 0.25em 0.75em;
    border: 1px solid currentColor;
    border-radius: var(--sync-notify-button-radius, 0.375em);
    background: transparent;
    color: inherit;
    cursor: pointer;
  }

  [part='open-form'] {
    font-size: 0.875em;
    align-self: center;
    color: inherit;
  }

  button:focus-visible,
  [part='open-form']:focus-visible {
    outline: var(--sync-notify-focus-ring, 3px solid #f59e0b);
    outline-offset: 2px;
  }

  .announcement {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (forced-colors: active) {
    button {
      border-color: ButtonBorder;
    }

    button:focus-visible,
    [part='open-form']:focus-visible {
      outline-color: Highlight;
    }
  }
`;
