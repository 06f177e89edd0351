/**
 * Every message key the templates code uses (the texts are in public/_locales/{id,en}/messages.json);
 * tests/utils/templates/messages.test.ts checks that each one exists in both languages.
 */
export const TEMPLATE_MESSAGE_KEYS = [
  'template_var_tanggal',
  'template_var_tanggal_iso',
  'template_var_tanggal_pendek',
  'template_var_tanggal_panjang',
  'template_var_hari',
  'template_var_bulan',
  'template_var_tahun',
  'template_var_minggu_ke',
  'template_variables_help',
  'template_copy_suffix',
  'template_error_id_missing',
  'template_error_name_required',
  'template_error_rencana_aksi_required',
  'template_error_time_required',
  'template_error_time_invalid',
  'template_error_time_order',
  'template_error_kegiatan_required',
  'template_error_realisasi_invalid',
  'template_error_url_invalid',
  'template_error_weekdays_empty',
  'template_error_weekdays_invalid',
  'template_error_unknown_variable',
  'template_error_brace',
  'template_error_site_text_long',
  'template_error_page_text_long',
  'template_csv_error_empty',
  'template_csv_error_separator',
  'template_csv_error_unclosed_quote',
  'template_csv_error_missing_column',
  'template_csv_error_duplicate_column',
  'template_csv_error_too_many_columns',
  'template_csv_error_date_invalid',
  'template_xlsx_error_not_workbook',
] as const;

export type TemplateMessageKey = (typeof TEMPLATE_MESSAGE_KEYS)[number];
