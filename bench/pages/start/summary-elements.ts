// The three summary elements, registered: imported by kit.ts after the
// store, so that IndexedDB opens (and, on a first visit, the store and the
// import's code are fetched) while these are evaluated.
import '../../../components/allergy-banner/emr-allergy-banner.js';
import '../../../components/medication-list/emr-medication-list.js';
import '../../../components/vitals-grid/emr-vitals-grid.js';
