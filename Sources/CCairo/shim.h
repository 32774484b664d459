// cairo and pangocairo for Swift, plus typed wrappers for what Swift cannot call directly: function-like macros
// (PANGO_PIXELS) and GObject's untyped g_object_unref(gpointer), which would otherwise need pointer casts at every
// call site.
#ifndef SENANI_CCAIRO_SHIM_H
#define SENANI_CCAIRO_SHIM_H

#include <cairo.h>
#include <pango/pangocairo.h>

/// PANGO_PIXELS(d): Pango units to whole device pixels, rounded.
static inline int ccairo_pango_pixels(int units) {
    return PANGO_PIXELS(units);
}

static inline void ccairo_layout_unref(PangoLayout *layout) {
    g_object_unref(layout);
}

static inline void ccairo_context_unref(PangoContext *context) {
    g_object_unref(context);
}

static inline void ccairo_font_map_unref(PangoFontMap *map) {
    g_object_unref(map);
}

static inline void ccairo_font_unref(PangoFont *font) {
    g_object_unref(font);
}

#endif
