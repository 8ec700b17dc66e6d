export function App() {
  return <main>Shardscape</main>;
}
