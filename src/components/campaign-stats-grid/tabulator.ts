/**
 * Tabulator with only the modules the grid uses (its full build is more than twice the size).
 * Loaded lazily, while the statistics are being fetched: the list and the link never need it.
 * `PageModule` and `AjaxModule` serve server-side mode: pages asked of the data source, through
 * a request function (never a URL fetch). `TooltipModule` (with the `PopupModule` it draws
 * with) shows the whole text of a cell cut by its column's width. No `KeybindingsModule`: the
 * keyboard is `GridKeyboardController`'s (Tabulator's scrolls the body, it moves no focus).
 */
import {
  Tabulator,
  AjaxModule,
  FilterModule,
  FormatModule,
  InteractionModule,
  PageModule,
  PopupModule,
  ResizeColumnsModule,
  ResizeTableModule,
  SortModule,
  TooltipModule,
} from 'tabulator-tables';

Tabulator.registerModule([
  AjaxModule,
  FilterModule,
  FormatModule,
  InteractionModule,
  PageModule,
  PopupModule,
  ResizeColumnsModule,
  ResizeTableModule,
  SortModule,
  TooltipModule,
]);

export { Tabulator };
