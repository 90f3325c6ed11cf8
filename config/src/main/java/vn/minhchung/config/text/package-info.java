/**
 * Vietnamese text, pure and shared by every module: normalisation (NFC), folding for search and matching
 * (diacritics, đ → d, case, abbreviations), and parsers for dates, relative times and counts as shown on
 * Vietnamese pages. Nothing here fetches, logs or reads the clock.
 */
package vn.minhchung.config.text;
