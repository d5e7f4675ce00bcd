/** The self-contained module for a plain `<script type="module">`: every tag defined. */
export * from './index.js';
import './define/campaign-stats-grid.js';
import './define/campaign-list.js';
import './define/sarbacane-link.js';
import './define/campaign-stats-summary.js';
