// A note body of the size nurses write (DAR: data, actions, results).
export function aNote(i: number) {
  return {
    target: `Douleur abdominale ${i}`,
    data: 'EVA 6/10 au lever, abdomen souple, pas de fièvre, transit conservé.',
    actions: 'Paracétamol 1 g per os, installation au fauteuil, information du médecin de garde.',
    results: 'EVA 3/10 à 1 h, patiente rassurée, à réévaluer à 18 h.',
  };
}
