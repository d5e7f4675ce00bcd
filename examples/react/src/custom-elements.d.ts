// The package's JSX types for its four tags (attributes, properties, events), as
// docs/embedding.md (React 19) says: one type-only import, anywhere in the program.
import type {} from '@hub3e/campaign-stats-elements/react';
