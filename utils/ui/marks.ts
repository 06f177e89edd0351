/** Performance marks read by `npm run bench`. */
/** The popup's first render (its regions are on screen). */
export const POPUP_FIRST_RENDER_MARK = 'ekinerja:popup-first-render';
/** The popup shows the data it asked the background for. */
export const POPUP_READY_MARK = 'ekinerja:popup-ready';
/** The Rekap page shows the Rekap of its period. */
export const REKAP_READY_MARK = 'ekinerja:rekap-ready';
