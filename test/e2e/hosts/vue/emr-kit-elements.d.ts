// The kit's elements in Vue templates, typed from the custom-elements
// manifest: the package's emr-kit/vue adds them to Vue's GlobalComponents.
// A Vue host includes it once.
import type {} from 'emr-kit/vue';
