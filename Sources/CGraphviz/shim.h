// libgraphviz (Debian bookworm 2.42.2; pkg-config reports 2.43.0) through pkg-config `libgvc`.
// Headers are the system's, never vendored. See ../shared/notes/graphviz.md §3.
#ifndef NEWSGRAPH_CGRAPHVIZ_SHIM_H
#define NEWSGRAPH_CGRAPHVIZ_SHIM_H
#include <gvc.h>
#include <cgraph.h>

// Copies of cgraph's default disciplines (global variables, which Swift 6 will not read directly).
static inline Agiodisc_t newsgraph_default_io_discipline(void) { return AgIoDisc; }
static inline Agmemdisc_t newsgraph_default_mem_discipline(void) { return AgMemDisc; }
#endif
