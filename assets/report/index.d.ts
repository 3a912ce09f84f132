export * from './types/handler/report-api';
