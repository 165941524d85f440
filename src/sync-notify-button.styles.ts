import { css } from './page/css.js';

export const styles = css`
  :host {
    display: inline-flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--sync-notify-gap, 0.5rem);
  }

  :host([hidden]) {
    display: none;
  }

  [part='button'] {
    font: var(--sync-notify-button-font, inherit);
    padding: var(--sync-notify-button-padding, 0.5em 1.25em);
    border: var(--sync-notify-button-border, none);
    border-radius: var(--sync-notify-button-radius, 0.375em);
    background: var(--sync-notify-button-background, #1a56db);
    color: var(--sync-notify-button-color, #fff);
    cursor: pointer;
  }

  [part='button']:hover {
    background: var(--sync-notify-button-background-hover, #1e429f);
  }

  [part='button']:focus-visible {
    outline: var(--sync-notify-focus-ring, 3px solid #f59e0b);
    outline-offset: 2px;
  }

  /* Still pressable while working: each press queues its own item. */
  :host([state='working']) [part='button'] {
    cursor: progress;
  }

  [part='status'],
  [part='error'] {
    margin: 0;
    font-size: var(--sync-notify-status-font-size, 0.875em);
  }

  [part='status'] {
    color: var(--sync-notify-status-color, inherit);
  }

  /* The page's color-scheme decides: a dark page gets a red that reads on it (4.5:1 and more). */
  [part='error'] {
    color: var(--sync-notify-error-color, light-dark(#b91c1c, #fca5a5));
  }

  /* Windows high contrast: system colours, and a border, so the button still looks like one. */
  @media (forced-colors: active) {
    [part='button'] {
      border: 1px solid ButtonBorder;
    }

    [part='button']:focus-visible {
      outline-color: Highlight;
    }
  }
`;
