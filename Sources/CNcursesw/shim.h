#ifndef KIOSK_CNCURSESW_SHIM_H
#define KIOSK_CNCURSESW_SHIM_H
// The wide-character API is only declared with these defined before the include.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

// glibc declares this only for _XOPEN_SOURCE; ncurses measures characters with it.
extern int wcwidth(wchar_t c);

// Macros Swift cannot import, wrapped as functions.
static inline attr_t kiosk_a_bold(void) { return A_BOLD; }
static inline attr_t kiosk_a_reverse(void) { return A_REVERSE; }
static inline attr_t kiosk_a_dim(void) { return A_DIM; }
static inline attr_t kiosk_a_underline(void) { return A_UNDERLINE; }
static inline attr_t kiosk_a_normal(void) { return A_NORMAL; }
static inline attr_t kiosk_color_pair(short n) { return (attr_t)COLOR_PAIR(n); }
static inline mmask_t kiosk_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t kiosk_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t kiosk_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t kiosk_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t kiosk_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t kiosk_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline WINDOW *kiosk_stdscr(void) { return stdscr; }
static inline int kiosk_lines(void) { return LINES; }
static inline int kiosk_cols(void) { return COLS; }
static inline int kiosk_colors(void) { return COLORS; }
#endif
