export { PageArgs, MAX_PAGE_SIZE, parsePageArgs, type PageRequest } from './page-args';
export { createPageType, toPageResult, type PageResult } from './page.type';
