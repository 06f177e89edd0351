/** The media type of an .xlsx file (its own module: pages name it without loading the writer). */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
