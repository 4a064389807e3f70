// The DOCX media type, apart from the builders so a screen can name it without loading docx.
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
