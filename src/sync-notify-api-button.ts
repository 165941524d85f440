/**
 * The element with API calls switched on (`endpoint`): the entry of `sync-notify-api-button.js`,
 * for sites whose button also posts a message. Sites that only notify load `sync-notify-button.js`,
 * which does not carry the checks.
 */
// First: the element must find API calls switched on by its first click.
import './page/api-calls.js';

export * from './sync-notify-button.js';
