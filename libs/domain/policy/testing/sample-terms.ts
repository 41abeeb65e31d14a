export * from '../example-terms';
