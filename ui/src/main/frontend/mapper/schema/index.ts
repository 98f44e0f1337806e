export * from './fields';
export * from './useSideFields';
