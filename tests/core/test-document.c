/* test-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gloss-document.h"
#include "gloss-error.h"

static char *
sample_path (void)
{
  const char *dir = g_getenv ("GLOSS_SAMPLES_DIR");

  if (dir == NULL)
    return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "kim-putin-vostochny.txt", NULL);
  return g_build_filename (dir, "kim-putin-vostochny.txt", NULL);
}

/* Reference conversions by a plain scan, to check the fast ones against. */
static void
check_all_offsets (GlossDocument *doc)
{
  const char *text = gloss_document_get_text (doc);
  const char *p = text;
  gsize utf16 = 0;
  guint cp = 0;

  for (;;)
    {
      gsize byte = p - text;
      guint back;

      g_assert_cmpuint (gloss_document_cp_to_byte (doc, cp), ==, byte);
      g_assert_cmpuint (gloss_document_cp_to_utf16 (doc, cp), ==, utf16);
      g_assert_cmpuint (gloss_document_byte_to_cp (doc, byte), ==, cp);
      g_assert_true (gloss_document_offset_to_cp (doc, GLOSS_OFFSET_UTF16, utf16, &back));
      g_assert_cmpuint (back, ==, cp);
      g_assert_true (gloss_document_offset_to_cp (doc, GLOSS_OFFSET_BYTES, byte, &back));
      g_assert_cmpuint (back, ==, cp);
      g_assert_cmpuint (gloss_document_cp_to_offset (doc, GLOSS_OFFSET_UTF16, cp), ==, utf16);
      g_assert_cmpuint (gloss_document_cp_to_offset (doc, GLOSS_OFFSET_BYTES, cp), ==, byte);

      if (*p == '\0')
        break;

      {
        gunichar c = g_utf8_get_char (p);
        gsize len = g_utf8_next_char (p) - p;

        /* Offsets inside a character are refused. */
        for (gsize i = 1; i < len; i++)
          g_assert_false (gloss_document_offset_to_cp (doc, GLOSS_OFFSET_BYTES, byte + i, &back));
        if (c > 0xffff)
          g_assert_false (gloss_document_offset_to_cp (doc, GLOSS_OFFSET_UTF16, utf16 + 1, &back));

        utf16 += c > 0xffff ? 2 : 1;
        p += len;
        cp++;
      }
    }

  g_assert_cmpuint (cp, ==, gloss_document_get_length (doc));
  g_assert_cmpuint (utf16, ==, gloss_document_get_utf16_length (doc));
  g_assert_false (gloss_document_offset_to_cp (doc, GLOSS_OFFSET_CODEPOINTS, cp + 1, &cp));
}

static void
test_sample_offsets (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = gloss_document_new_from_file (file, &error);
  g_autofree char *kim = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (doc);

  /* DESIGN §3: "Kim Jong Un" is code points 224–235 but bytes 234–245. */
  kim = gloss_document_dup_slice (doc, 224, 235);
  g_assert_cmpstr (kim, ==, "Kim Jong Un");
  g_assert_cmpuint (gloss_document_cp_to_byte (doc, 224), ==, 234);
  g_assert_cmpuint (gloss_document_cp_to_byte (doc, 235), ==, 245);
  g_assert_true (gloss_document_slice_equals (doc, 113, 127, "Vladimir Putin", -1));
  g_assert_false (gloss_document_slice_equals (doc, 113, 126, "Vladimir Putin", -1));
  g_assert_false (gloss_document_slice_equals (doc, 113, G_MAXUINT, "x", -1));

  g_assert_cmpstr (gloss_document_get_source (doc), ==, "kim-putin-vostochny.txt");
  g_assert_true (g_str_has_prefix (gloss_document_get_title (doc), "North Korea’s Kim vows"));
  g_assert_cmpuint (strlen (gloss_document_get_sha256 (doc)), ==, 64);

  check_all_offsets (doc);
}

static void
test_unicode_offsets (void)
{
  /* Curly quotes, em dash, emoji (astral, a ZWJ sequence), CJK, a combining
   * mark and CRLF line ends. */
  const char *text = "“Quote” — 😀 said 漢字\r\nCafe\xcc\x81 👳🏻‍♀️ end\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) doc = gloss_document_new_from_text (text, -1, "t", &error);
  g_autofree char *emoji = NULL;
  g_autofree char *cjk = NULL;

  g_assert_no_error (error);
  check_all_offsets (doc);

  emoji = gloss_document_dup_slice (doc, 10, 11);
  g_assert_cmpstr (emoji, ==, "😀");
  g_assert_cmpuint (gloss_document_cp_to_utf16 (doc, 11), ==, 12);
  cjk = gloss_document_dup_slice (doc, 17, 19);
  g_assert_cmpstr (cjk, ==, "漢字");
  /* CRLF is kept byte for byte: two code points. */
  g_assert_true (gloss_document_slice_equals (doc, 19, 21, "\r\n", -1));
  g_assert_cmpuint (gloss_document_get_n_bytes (doc), ==, strlen (text));
  g_assert_cmpstr (gloss_document_get_text (doc), ==, text);
}

static void
test_long_text (void)
{
  GString *s = g_string_new (NULL);
  g_autoptr(GlossDocument) doc = NULL;
  GRand *rand = g_rand_new_with_seed (7);
  static const char * const pieces[] = { "a", "é", "—", "😀", "漢", " ", "\r\n" };
  guint cp = 0;
  gsize utf16 = 0;
  GArray *cps = g_array_new (FALSE, FALSE, sizeof (gsize) * 2);

  for (guint i = 0; i < 20000; i++)
    {
      const char *p = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];
      gsize pair[2] = { s->len, utf16 };

      for (const char *q = p; *q; q = g_utf8_next_char (q))
        {
          pair[0] = s->len + (q - p);
          pair[1] = utf16;
          g_array_append_vals (cps, pair, 1);
          utf16 += g_utf8_get_char (q) > 0xffff ? 2 : 1;
          cp++;
        }
      g_string_append (s, p);
    }

  doc = gloss_document_new_from_text (s->str, s->len, NULL, NULL);
  g_assert_cmpuint (gloss_document_get_length (doc), ==, cp);
  for (guint i = 0; i < 2000; i++)
    {
      guint at = g_rand_int_range (rand, 0, cp);
      gsize *pair = &g_array_index (cps, gsize, at * 2);
      guint back;

      g_assert_cmpuint (gloss_document_cp_to_byte (doc, at), ==, pair[0]);
      g_assert_cmpuint (gloss_document_cp_to_utf16 (doc, at), ==, pair[1]);
      g_assert_true (gloss_document_offset_to_cp (doc, GLOSS_OFFSET_UTF16, pair[1], &back));
      g_assert_cmpuint (back, ==, at);
    }

  g_array_unref (cps);
  g_rand_free (rand);
  g_string_free (s, TRUE);
}

static void
test_ascii (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new_from_text ("plain text", -1, NULL, NULL);
  guint cp;

  g_assert_cmpuint (gloss_document_get_length (doc), ==, 10);
  g_assert_cmpuint (gloss_document_get_utf16_length (doc), ==, 10);
  g_assert_cmpuint (gloss_document_cp_to_byte (doc, 5), ==, 5);
  g_assert_true (gloss_document_offset_to_cp (doc, GLOSS_OFFSET_BYTES, 10, &cp));
  g_assert_false (gloss_document_offset_to_cp (doc, GLOSS_OFFSET_BYTES, 11, &cp));
  check_all_offsets (doc);
}

static void
test_empty (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new_from_text ("", 0, NULL, NULL);

  g_assert_nonnull (doc);
  g_assert_cmpuint (gloss_document_get_length (doc), ==, 0);
  g_assert_cmpstr (gloss_document_get_sha256 (doc), ==,
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void
test_not_utf8 (void)
{
  const char latin1[] = "Caf\xe9 au lait\n";
  const char binary[] = "text\0more";
  g_autoptr(GError) error = NULL;
  GlossDocument *doc;

  doc = gloss_document_new_from_text (latin1, sizeof latin1 - 1, "menu.txt", &error);
  g_assert_null (doc);
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_NOT_UTF8);
  g_assert_nonnull (strstr (error->message, "menu.txt"));
  g_assert_nonnull (strstr (error->message, "byte offset 3"));
  g_clear_error (&error);

  doc = gloss_document_new_from_text (binary, sizeof binary - 1, "x.bin", &error);
  g_assert_null (doc);
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_NUL);
  g_assert_nonnull (strstr (error->message, "byte offset 4"));
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/gloss/article.txt");
  g_autoptr(GError) error = NULL;
  GlossDocument *doc = gloss_document_new_from_file (file, &error);

  g_assert_null (doc);
  g_assert_error (error, GLOSS_DOCUMENT_ERROR, GLOSS_DOCUMENT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "article.txt"));
}

static void
test_metadata (void)
{
  g_autoptr(GlossDocument) doc = gloss_document_new_from_text ("x", -1, NULL, NULL);
  g_autoptr(JsonObject) meta = json_object_new ();
  gloss_document_set_id (doc, "doc-1");
  gloss_document_set_title (doc, "Title");
  gloss_document_set_language (doc, "en");
  json_object_set_string_member (meta, "outlet", "CNN");
  gloss_document_set_meta (doc, meta);
  g_assert_cmpstr (gloss_document_get_id (doc), ==, "doc-1");
  g_assert_cmpstr (gloss_document_get_title (doc), ==, "Title");
  g_assert_cmpstr (gloss_document_get_language (doc), ==, "en");
  g_assert_true (gloss_document_get_meta (doc) == meta);
  g_assert_finalize_object (g_steal_pointer (&doc));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/document/sample-offsets", test_sample_offsets);
  g_test_add_func ("/core/document/unicode-offsets", test_unicode_offsets);
  g_test_add_func ("/core/document/long-text", test_long_text);
  g_test_add_func ("/core/document/ascii", test_ascii);
  g_test_add_func ("/core/document/empty", test_empty);
  g_test_add_func ("/core/document/not-utf8", test_not_utf8);
  g_test_add_func ("/core/document/missing-file", test_missing_file);
  g_test_add_func ("/core/document/metadata", test_metadata);

  return g_test_run ();
}
