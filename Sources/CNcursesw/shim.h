#ifndef SPOTLIGHT_CNCURSESW_SHIM_H
#define SPOTLIGHT_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#include <curses.h>
#endif
