// The kit's elements this portal uses: importing a registration file
// defines its element, and every <emr-…> already in the page upgrades.
import '../components/allergy-banner/emr-allergy-banner.js';
import '../components/medication-list/emr-medication-list.js';
import '../components/vitals-grid/emr-vitals-grid.js';
import '../components/chart-timeline/emr-chart-timeline.js';
import '../components/note-editor/emr-note-editor.js';
import '../components/note-list/emr-note-list.js';
import '../components/sync-status/emr-sync-status.js';
import '../components/ehr-link/emr-ehr-link.js';
import '../components/problem-list/emr-problem-list.js';
import '../components/report-viewer/emr-report-viewer.js';
import '../components/lab-results/emr-lab-results.js';
