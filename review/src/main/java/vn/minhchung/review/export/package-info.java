/** The reporting dossier: a ZIP of evidence files, index.html, XLSX, DOCX appendix, manifest and audit chain. */
package vn.minhchung.review.export;
