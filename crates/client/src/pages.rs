//! The pages of a list action, and its items, as streams: each page is the first request
//! cloned (so its per-call options, timeout, retries, `losantdomain`, apply to every page) with
//! the page number, or the offset, of the next one.
//!
//! The generated code implements [`Page`] for each collection type and gives each list action
//! `pages()`/`items()` through [`paginate`] (`page`/`perPage` lists) or [`paginate_offset`]
//! (`limit`/`offset` lists), with a setter of its own page parameter:
//!
//! ```ignore
//! pub fn pages(self) -> ::wegnology::runtime::Pages<'a, Self> {
//!     ::wegnology::runtime::paginate(self, |request, page| request.page(page))
//! }
//! ```

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;

use crate::decode::Answer;
use crate::endpoint::Request;
use crate::error::Error;

/// A collection answer (`{items: [...], count, totalCount, page, perPage}`): its items and how
/// many there are in all.
pub trait Page {
    /// The type of the items.
    type Item;

    /// The items of this page, borrowed (counted before the page is handed on).
    fn items(&self) -> &[Self::Item];

    /// The items of this page.
    fn into_items(self) -> Vec<Self::Item>;

    /// How many items the whole list has (`totalCount`), when the answer says.
    fn total_count(&self) -> Option<u64>;
}

/// A request builder the pages are made from: a generated `…Request` (given by
/// `__request_builder!`) or the runtime's [`Request`] itself.
#[doc(hidden)]
pub trait RequestBuilder<'a> {
    /// The success type of its action.
    type Answer;

    /// The request it builds.
    fn request(&self) -> &Request<'a, Self::Answer>;

    /// The request it builds, owned.
    fn into_request(self) -> Request<'a, Self::Answer>;
}

impl<'a, T> RequestBuilder<'a> for Request<'a, T> {
    type Answer = T;

    fn request(&self) -> &Request<'a, T> {
        self
    }

    fn into_request(self) -> Request<'a, T> {
        self
    }
}

/// The query parameter of a page number (every `page`/`perPage` list of the API: 0-based,
/// "Which page of results to return").
const PAGE: &str = "page";
/// The query parameter of an offset in items (the `limit`/`offset` lists: "How many rows to
/// skip").
const OFFSET: &str = "offset";

/// What the number given to the setter counts.
#[derive(Debug, Clone, Copy)]
enum Cursor {
    /// Pages: the next page is the last one's number plus one.
    Page,
    /// Items: the next offset is the first one plus the items seen.
    Offset,
}

type PageFuture<'a, P> = Pin<Box<dyn Future<Output = Result<P, Error>> + Send + 'a>>;

/// The pages of a list, in order: a [`Stream`] of `Result<page, Error>` (`Send`, `Unpin`).
///
/// Lazy: nothing is sent before it is polled, and one page at a time after that. It ends after
/// a page that holds no item, after the pages seen hold `totalCount` items, or after the first
/// error (which it yields).
#[must_use = "streams do nothing unless polled"]
pub struct Pages<'a, R: RequestBuilder<'a>> {
    /// The first request, cloned for each page; `None` once the stream has ended.
    first: Option<R>,
    set: fn(R, u64) -> R,
    cursor: Cursor,
    /// The first request's own page number or offset (`0` when it sets none).
    start: u64,
    /// How many pages were asked for.
    sent: u64,
    /// How many items the pages seen hold, the first page's position counted in (its number
    /// times its length, or its offset).
    seen: u64,
    in_flight: Option<PageFuture<'a, R::Answer>>,
}

/// The first request: `first` sent as it is, then clones of it with the page set by
/// `set_page` (`first`'s own `page` plus 1, 2, …, or 1, 2, … when it sets none).
pub fn paginate<'a, R>(first: R, set_page: fn(R, u64) -> R) -> Pages<'a, R>
where
    R: RequestBuilder<'a>,
{
    Pages::new(first, set_page, Cursor::Page)
}

/// Like [`paginate`], for a `limit`/`offset` list: the next request is `first` with the offset
/// set by `set_offset` to `first`'s own `offset` (or 0) plus the items seen so far.
pub fn paginate_offset<'a, R>(first: R, set_offset: fn(R, u64) -> R) -> Pages<'a, R>
where
    R: RequestBuilder<'a>,
{
    Pages::new(first, set_offset, Cursor::Offset)
}

impl<'a, R: RequestBuilder<'a>> Pages<'a, R> {
    fn new(first: R, set: fn(R, u64) -> R, cursor: Cursor) -> Self {
        let name = match cursor {
            Cursor::Page => PAGE,
            Cursor::Offset => OFFSET,
        };
        let start = first
            .request()
            .query_value(name)
            .and_then(|value| value.trim().parse().ok())
            .unwrap_or(0);
        Pages {
            first: Some(first),
            set,
            cursor,
            start,
            sent: 0,
            seen: 0,
            in_flight: None,
        }
    }

    /// The items of the pages, in order: a [`Stream`] of `Result<item, Error>`, ending as the
    /// pages do (an error is the last element).
    pub fn items(self) -> Items<'a, R>
    where
        R::Answer: Page,
    {
        Items {
            pages: self,
            buffered: Vec::new().into_iter(),
        }
    }

    /// Whether `page`, just received, is the last: it is empty, or the items seen reach the
    /// total.
    fn count(&mut self, page: &impl Page) -> bool {
        let length = page.items().len() as u64;
        if self.sent == 1 {
            // Items before the first page: exact when it is full, an underestimate (one more
            // page asked for, which is empty) when it is short.
            self.seen = match self.cursor {
                Cursor::Page => self.start.saturating_mul(length),
                Cursor::Offset => self.start,
            };
        }
        self.seen = self.seen.saturating_add(length);
        length == 0 || page.total_count().is_some_and(|total| self.seen >= total)
    }
}

// Nothing is pinned in place: the page in flight is boxed.
impl<'a, R: RequestBuilder<'a>> Unpin for Pages<'a, R> {}

impl<'a, R> Stream for Pages<'a, R>
where
    R: RequestBuilder<'a> + Clone,
    R::Answer: Page + Answer + Send + 'a,
{
    type Item = Result<R::Answer, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.in_flight.is_none() {
            let Some(first) = &this.first else {
                return Poll::Ready(None);
            };
            let request = match (this.sent, this.cursor) {
                (0, _) => first.clone(),
                (sent, Cursor::Page) => (this.set)(first.clone(), this.start.saturating_add(sent)),
                (_, Cursor::Offset) => (this.set)(first.clone(), this.seen),
            };
            this.sent += 1;
            this.in_flight = Some(Box::pin(request.into_request().send()));
        }
        let Some(in_flight) = &mut this.in_flight else {
            return Poll::Ready(None);
        };
        let outcome = match in_flight.as_mut().poll(cx) {
            Poll::Pending => return Poll::Pending,
            Poll::Ready(outcome) => outcome,
        };
        this.in_flight = None;
        match &outcome {
            Ok(page) if !this.count(page) => {}
            _ => this.first = None,
        }
        Poll::Ready(Some(outcome))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match (&self.first, &self.in_flight) {
            (None, None) => (0, Some(0)),
            (None, Some(_)) => (1, Some(1)),
            _ => (0, None),
        }
    }
}

/// The items of a list's pages, in order: a [`Stream`] of `Result<item, Error>` (`Send`,
/// `Unpin`), made by [`Pages::items`].
#[must_use = "streams do nothing unless polled"]
pub struct Items<'a, R: RequestBuilder<'a>>
where
    R::Answer: Page,
{
    pages: Pages<'a, R>,
    buffered: std::vec::IntoIter<<R::Answer as Page>::Item>,
}

impl<'a, R: RequestBuilder<'a>> Unpin for Items<'a, R> where R::Answer: Page {}

impl<'a, R> Stream for Items<'a, R>
where
    R: RequestBuilder<'a> + Clone,
    R::Answer: Page + Answer + Send + 'a,
{
    type Item = Result<<R::Answer as Page>::Item, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(item) = this.buffered.next() {
                return Poll::Ready(Some(Ok(item)));
            }
            match Pin::new(&mut this.pages).poll_next(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(None) => return Poll::Ready(None),
                Poll::Ready(Some(Err(error))) => return Poll::Ready(Some(Err(error))),
                Poll::Ready(Some(Ok(page))) => this.buffered = page.into_items().into_iter(),
            }
        }
    }
}
