/**
 * Types only, for React 19: `<sync-notify-button>` in JSX, with its properties and its events.
 * Opted into with `import type {} from 'sync-notify-button/react-jsx';` (or the subpath in
 * tsconfig's `types`), so that the package's main entry never asks for `@types/react`.
 *
 * React 19 renders a custom element's props as properties when the element has one (`messages`,
 * `maxAge`), as attributes otherwise, and adds a prop named `on` + an event's exact name as a
 * listener: `onsync-notify-queued` receives the element's own `CustomEvent`, not a synthetic event.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { SyncNotifyApiButton } from './sync-notify-api-button.js';
import type {
  SyncNotifyDeliveredDetail,
  SyncNotifyErrorDetail,
  SyncNotifyQueuedDetail,
} from './sync-notify-button.component.js';

/**
 * What an author sets, on the element the package's main entry defines (API calls and forms);
 * `state`, `reason` and `pending` are read-only, and `title` comes with every element.
 */
type SettableProperties = Pick<
  SyncNotifyApiButton,
  | 'body'
  | 'icon'
  | 'badge'
  | 'tag'
  | 'url'
  | 'requireInteraction'
  | 'silent'
  | 'summary'
  | 'endpoint'
  | 'method'
  | 'allowCrossOrigin'
  | 'data'
  | 'requestTimeout'
  | 'headers'
  | 'maxAge'
  | 'maxItems'
  | 'owner'
  | 'keepForm'
  | 'signInUrl'
  | 'successUrl'
  | 'messages'
>;

/** The element's events as React 19 props: the listener gets the DOM event itself. */
export interface SyncNotifyButtonEventProps {
  'onsync-notify-queued'?: (event: CustomEvent<SyncNotifyQueuedDetail>) => void;
  'onsync-notify-delivered'?: (event: CustomEvent<SyncNotifyDeliveredDetail>) => void;
  'onsync-notify-cancelled'?: (event: CustomEvent<SyncNotifyDeliveredDetail>) => void;
  'onsync-notify-error'?: (event: CustomEvent<SyncNotifyErrorDetail>) => void;
}

/** The props of `<sync-notify-button>` in React 19 JSX: the common HTML ones, `ref`, the element's, its events. */
export type SyncNotifyButtonProps = DetailedHTMLProps<HTMLAttributes<SyncNotifyApiButton>, SyncNotifyApiButton> &
  Partial<SettableProperties> &
  SyncNotifyButtonEventProps;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX namespace is how JSX learns an element
  namespace JSX {
    interface IntrinsicElements {
      'sync-notify-button': SyncNotifyButtonProps;
    }
  }
}
