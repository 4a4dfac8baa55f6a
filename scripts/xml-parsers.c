/* Measures the two streaming XML parsers sipas could use for workbook sheets on the same sheet XML,
 * fed in 64 KiB chunks the way ZIPFoundation hands over an inflated member: expat's XML_Parse,
 * libxml2's SAX2 push parser (xmlParseChunk), and libxml2's SAX2 parser pulling its input through a
 * read callback (xmlCreateIOParserCtxt + xmlParseDocument, what sipas uses), each with element and
 * text callbacks that do the minimum a sheet reader must (count cells, sum text bytes). Prints CPU
 * seconds of each.
 * Build and run: scripts/bench-xml-parsers.sh SHEET.xml */
#include <expat.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static long cells, textBytes;
static double cpu(void) { return (double)clock() / CLOCKS_PER_SEC; }

static void XMLCALL eStart(void *u, const XML_Char *name, const XML_Char **atts) {
    (void)u; (void)atts;
    if (name[0] == 'c' && name[1] == 0) cells++;
}
static void XMLCALL eEnd(void *u, const XML_Char *name) { (void)u; (void)name; }
static void XMLCALL eText(void *u, const XML_Char *s, int len) { (void)u; (void)s; textBytes += len; }

static void xStart(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri, int nns,
                   const xmlChar **ns, int natt, int ndef, const xmlChar **atts) {
    (void)ctx; (void)prefix; (void)uri; (void)nns; (void)ns; (void)natt; (void)ndef; (void)atts;
    if (name[0] == 'c' && name[1] == 0) cells++;
}
static void xEnd(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri) {
    (void)ctx; (void)name; (void)prefix; (void)uri;
}
static void xText(void *ctx, const xmlChar *s, int len) { (void)ctx; (void)s; textBytes += len; }
static int xRead(void *ctx, char *buffer, int len) { return (int)fread(buffer, 1, (size_t)len, (FILE *)ctx); }
static int xClose(void *ctx) { (void)ctx; return 0; }

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s SHEET.xml\n", argv[0]); return 2; }
    static char buf[65536];
    size_t n;
    static const char *names[] = {"expat", "libxml2 push", "libxml2 pull"};
    for (int round = 0; round < 3; round++) {
        FILE *f = fopen(argv[1], "rb");
        if (!f) { perror(argv[1]); return 2; }
        cells = textBytes = 0;
        double t0 = cpu();
        if (round == 0) {
            XML_Parser p = XML_ParserCreate("UTF-8");
            XML_SetElementHandler(p, eStart, eEnd);
            XML_SetCharacterDataHandler(p, eText);
            while ((n = fread(buf, 1, sizeof buf, f)) > 0)
                if (XML_Parse(p, buf, (int)n, 0) != XML_STATUS_OK) { fprintf(stderr, "expat error\n"); return 1; }
            XML_Parse(p, buf, 0, 1);
            XML_ParserFree(p);
        } else if (round == 1) {
            xmlSAXHandler sax;
            memset(&sax, 0, sizeof sax);
            sax.initialized = XML_SAX2_MAGIC;
            sax.startElementNs = xStart;
            sax.endElementNs = xEnd;
            sax.characters = xText;
            xmlParserCtxtPtr p = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, argv[1]);
            xmlCtxtUseOptions(p, XML_PARSE_HUGE);
            while ((n = fread(buf, 1, sizeof buf, f)) > 0)
                if (xmlParseChunk(p, buf, (int)n, 0) != 0) { fprintf(stderr, "libxml2 error\n"); return 1; }
            xmlParseChunk(p, buf, 0, 1);
            xmlFreeParserCtxt(p);
        } else {
            xmlSAXHandler sax;
            memset(&sax, 0, sizeof sax);
            sax.initialized = XML_SAX2_MAGIC;
            sax.startElementNs = xStart;
            sax.endElementNs = xEnd;
            sax.characters = xText;
            xmlParserCtxtPtr p = xmlCreateIOParserCtxt(&sax, NULL, xRead, xClose, f, XML_CHAR_ENCODING_NONE);
            xmlCtxtUseOptions(p, XML_PARSE_HUGE);
            if (xmlParseDocument(p) != 0) { fprintf(stderr, "libxml2 error\n"); return 1; }
            xmlFreeParserCtxt(p);
        }
        fclose(f);
        printf("%-13s %6.2f s CPU  %ld cells  %ld text bytes\n", names[round], cpu() - t0, cells, textBytes);
    }
    return 0;
}
