// The kit's elements in React's JSX, typed from the custom-elements manifest
// (the package's emr-kit/jsx). A React 19 host writes this once.
import type { CustomElements } from 'emr-kit/jsx';

declare module 'react' {
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends CustomElements {}
  }
}
