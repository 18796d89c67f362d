//! The module's allocator: a bump pointer that starts over after each export.
//!
//! No state lives in the module between two exports ([`crate::call::steps`]): once
//! an export has returned and the driver has copied its answer out, nothing
//! it allocated is alive. So an allocation only moves a pointer, a free does
//! nothing, and the first allocation after an export has returned (the glue
//! copying in the next export's arguments) starts again at the bottom. The
//! memory a call needs is its peak, which the body cap keeps small; a
//! free-list allocator cost 0.3 kB brotli more and kept fragments.
//!
//! [`spent`] marks the end of an export. It must come after the last
//! allocation the export makes: its answer is shrunk to fit first, so that
//! wasm-bindgen's glue, which turns the `String` into a boxed slice after the
//! export's body, has nothing left to reallocate.

use alloc::string::String;
use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;

const PAGE: usize = 65_536;

struct Heap {
    /// Where this module's pages start; 0 until the first page is taken.
    start: usize,
    /// The next free byte.
    next: usize,
    /// The end of the pages taken.
    end: usize,
    /// An export has returned since the last allocation.
    spent: bool,
}

pub struct Bump(UnsafeCell<Heap>);

// SAFETY: wasm32-unknown-unknown without the atomics feature runs one thread.
unsafe impl Sync for Bump {}

impl Bump {
    pub const fn new() -> Self {
        Bump(UnsafeCell::new(Heap {
            start: 0,
            next: 0,
            end: 0,
            spent: false,
        }))
    }
}

unsafe impl GlobalAlloc for Bump {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: one thread, and no allocation calls back into the allocator.
        let heap = unsafe { &mut *self.0.get() };
        if heap.spent {
            heap.next = heap.start;
            heap.spent = false;
        }
        let at = (heap.next + layout.align() - 1) & !(layout.align() - 1);
        let Some(after) = at.checked_add(layout.size()) else {
            return core::ptr::null_mut();
        };
        if after > heap.end {
            let pages = (layout.size() + layout.align()).div_ceil(PAGE);
            let old = core::arch::wasm32::memory_grow(0, pages);
            if old == usize::MAX {
                return core::ptr::null_mut();
            }
            let base = old * PAGE;
            if base != heap.end {
                // The first pages, or pages that do not follow ours: start there.
                heap.start = base;
                heap.next = base;
            }
            heap.end = base + pages * PAGE;
            return unsafe { self.alloc(layout) };
        }
        heap.next = after;
        at as *mut u8
    }

    unsafe fn dealloc(&self, _: *mut u8, _: Layout) {}
}

/// Ends an export: `answer` is its last allocation, and the next allocation
/// starts over (see the module docs).
pub fn spent(mut answer: String) -> String {
    answer.shrink_to_fit();
    // SAFETY: as in `alloc`.
    unsafe { (*super::ALLOCATOR.0.get()).spent = true };
    answer
}
